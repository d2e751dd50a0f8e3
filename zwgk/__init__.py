"""zwgk-archive: command line, single-URL fetching, the bundled sample portal and the Datasette plugin."""
