"""Built-in extractors. Each module is a plugin registered through ``newsparse_register_extractors``."""
