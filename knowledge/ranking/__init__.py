"""Ranking: named features of a (question, unit) pair, fitted weights and calibrated confidence."""
