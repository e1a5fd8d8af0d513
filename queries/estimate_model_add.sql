-- Keep the text of a model that scored activity rows (once per distinct model).
INSERT INTO estimate_models (model_hash, name, model_text) VALUES (?, ?, ?)
ON CONFLICT DO NOTHING;
