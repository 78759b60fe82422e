def make_engine(url):
    """Builds an engine for a database URL.

    >>> make_engine("postgresql://scott:tiger@db.prod.internal/test")
    """
    return url


ENGINE_URL = "postgresql://app@db.prod.internal/app"
