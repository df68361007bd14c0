"""The Evaluasi AKIP pages: evaluations (LKE, simulator, LHE, recommendations), the recap, the templates."""
