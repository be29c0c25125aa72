"""Who does what to whom: events between actors (PLOVER event types and quad classes) found in each
sentence from the language's event words (data/languages/<code>/events.toml), with the doer and the
target named as in the other tables, how the doer is shown (active, passive, or not at all), whether
the event is negated or only possible, and who says so (the narrator or a quoted speaker).
"""
