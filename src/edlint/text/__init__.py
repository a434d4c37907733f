"""Text helpers every rule family shares: normalisation, sentences, credits, quotes, numbers."""
