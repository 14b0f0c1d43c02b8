"""Text stages: bytes → decoded text → normalized text with its offset map → structure."""
