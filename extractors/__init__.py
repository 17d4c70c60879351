"""Layout extractors: each reads the block model of one layout family into raw card records."""
