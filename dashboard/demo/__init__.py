"""Realistic demo data: an index and client/server logs, deterministic by seed."""
