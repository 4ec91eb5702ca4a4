"""Forms of the working-time pages."""
