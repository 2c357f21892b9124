"""Plain core logic: no Telegram here."""
