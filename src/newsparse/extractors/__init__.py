"""The built-in extractors, each a plugin module registered through `newsparse.plugins.BUILTIN_PLUGINS`."""
