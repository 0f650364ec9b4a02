"""Cross-article alignment: entities, events and statements."""

from discrep._align.entities import link_entities
from discrep._align.events import align_events
from discrep._align.statements import align_statements

__all__ = ["align_events", "align_statements", "link_entities"]
