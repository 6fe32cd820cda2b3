"""Small functions that return components. They hold no state and do no I/O."""
