"""plancards pipeline: readers, stages, publishing and the command-line tool."""
