"""The Log Dashboard Dash application: settings, data access, layout and callbacks."""
