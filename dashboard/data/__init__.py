"""Data access at the edges: the index, log fetching, the parsed-log cache, row queries."""
