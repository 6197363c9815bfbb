"""Django's PostgreSQL backend with its connection health check under the query deadline."""
