"""Article text to a knowledge file: sources, sentences, quotes and speakers, commitments, assembly."""
