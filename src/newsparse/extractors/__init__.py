"""Built-in extractors: each module is a plugin registered through ``newsparse_register_extractors``."""
