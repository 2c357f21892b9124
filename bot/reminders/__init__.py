"""The reminder engine: the schedule as rows, claimed once, sent within Telegram's limits."""
