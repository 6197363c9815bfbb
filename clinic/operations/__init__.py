"""What operators run the site with: health, request logs, rate limits, media and storage,
exports, the site's address, settings checks."""
