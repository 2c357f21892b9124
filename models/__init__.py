"""SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from models.base import Base
from models.checkin import Checkin
from models.dialog import Dialog
from models.user import Medicine, User

__all__ = ["Base", "Checkin", "Dialog", "Medicine", "User"]
