"""The link that calls the demo clinic, (312) 555-0147, where the patient journeys end."""

CALL_HREF = "tel:+13125550147"
