"""DOCX output: the default template, WordprocessingML builders and the writer."""
