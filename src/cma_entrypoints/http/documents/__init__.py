"""Documents, suggestions and the AI case summary over HTTP."""
