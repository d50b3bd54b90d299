"""What a page without a kernel shows of a notebook's widgets: each one's static fallback (its last state, as HTML,
which the kernel puts beside every widget view). Without the widgets' state in the notebook's metadata, nbconvert
picks that fallback and loads no widget manager (which would come from a CDN)."""
import nbformat


def without_live_widgets(notebook):
    """A copy of the notebook without its widgets' state; the cells are shared, not copied."""
    metadata = {key: value for key, value in notebook.metadata.items() if key != "widgets"}
    return nbformat.NotebookNode({**notebook, "metadata": nbformat.NotebookNode(metadata)})
