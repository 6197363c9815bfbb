"""What search engines read: a page's meta and JSON-LD graph, the sitemap, language links."""
