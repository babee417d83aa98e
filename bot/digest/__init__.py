"""The daily digest: choosing what goes in it, scheduling it, remembering what was posted."""
