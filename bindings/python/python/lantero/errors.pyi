"""The exception hierarchy: every error Lantero raises is a ``LanteroError``."""

class LanteroError(Exception):
    """Base class of every error Lantero raises."""

class CoreError(LanteroError):
    """An error from the shared domain model (lantero-core)."""

class InvalidIdentifier(CoreError):
    """Not a valid personnummer, samordningsnummer or organisationsnummer."""

class OutOfScale(CoreError):
    """A probability or consequence outside its scale."""

class InvalidMatrix(CoreError):
    """An inconsistent risk scale or matrix definition."""

class AssetError(CoreError):
    """An unknown or duplicate asset, or a dependency cycle."""

class FormatError(CoreError):
    """A CSV or JSON input that cannot be read."""

class InvalidValue(CoreError):
    """A field holding a value that is not allowed."""

class UnknownProvision(CoreError):
    """No such secrecy provision in the catalogue."""

class InvalidFramework(CoreError):
    """An inconsistent framework or assessment."""

class AuditChainBroken(CoreError):
    """An audit chain that does not verify."""

class RegistryError(CoreError):
    """A plugin name that is not registered, or registered twice."""

class RedactError(LanteroError):
    """An error from the redaction pipeline (lantero-redact)."""

class NativeLibraryError(RedactError):
    """PDFium or ONNX Runtime could not be found or loaded."""

class InputError(RedactError):
    """An input file that cannot be read."""

class UnknownEntity(RedactError):
    """An entity name that is not known."""

class RecognizerError(RedactError):
    """A recognizer (built-in or Python) failed."""

class ReviewError(RedactError):
    """A review session that is malformed or made for another document."""

class PdfError(RedactError):
    """A PDF that cannot be read, rendered or written, or is password-protected."""

class VerificationFailed(RedactError):
    """The redacted output failed verification; no file was written."""

class OutputError(RedactError):
    """An output file or folder that cannot be written."""

class OcrError(RedactError):
    """OCR could not read a page."""

class CaseError(LanteroError):
    """An error from case handling (lantero-cases)."""

class NotFound(CaseError):
    """A case, tenant or other record that does not exist."""

class AlreadyExists(CaseError):
    """A record whose id is taken."""

class InvalidTransition(CaseError):
    """A status change the status machine does not allow."""

class InvalidState(CaseError):
    """An operation that does not fit the case."""

class AccessDenied(CaseError):
    """The access policy denied the action (the denial is audited)."""

class UnknownReceipt(CaseError):
    """A receipt that matches no report."""

class Throttled(CaseError):
    """Too many failed receipt attempts; wait and try again."""

class CryptoError(CaseError):
    """Encryption, decryption or key handling failed."""

class StoreError(CaseError):
    """The SQLite or PostgreSQL store failed."""

class CorruptData(CaseError):
    """Stored data that cannot be read back."""

class FraudFinderError(LanteroError):
    """An error from FraudFinder (lantero-fraudfinder)."""

class ControlRuleError(FraudFinderError):
    """A control rule that cannot be parsed, is inconsistent, or failed."""

class DataError(FraudFinderError):
    """Data for control rules that cannot be read (file, row, column)."""

class PackError(FraudFinderError):
    """A content pack that cannot be read or is inconsistent."""
