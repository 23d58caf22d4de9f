"""Record forms: fields that show the core's rules beside them as the user types."""
