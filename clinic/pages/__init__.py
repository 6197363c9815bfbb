"""What page models are built from: editor panels and page pickers, reading level, image rules,
schema.org nodes, pages in the reader's language. Below clinic.models; imports no model."""
