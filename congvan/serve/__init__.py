"""`congvan serve`: a local web page to write, see, check and download a dispatch.

    from congvan.serve import create_app
    app = create_app()            # a Starlette application; `congvan serve` runs it

The page builds its form from the JSON Schema of the input (congvan.schema), keeps it
in step with a YAML editor, shows the real PDF's pages, and checks a dropped DOCX.
"""

from .app import MAX_BODY, create_app

__all__ = ["MAX_BODY", "create_app"]
