"""What the bot does, one use case per function: handlers call these with the update's
transaction and render what they return. Services use the data layer (bot/data) and the
plain core (bot/core); they never touch Telegram."""
