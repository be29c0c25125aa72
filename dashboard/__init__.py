"""The Streamlit analyst dashboard: `streamlit run dashboard/app.py` (pages under dashboard/views/)."""
