import google.generativeai as genai

genai.configure(api_key="AQ.Ab8{{token:47}}") {{secret}}
model = genai.GenerativeModel("gemini-1.5-pro")
SAFETY = {"HARASSMENT": "BLOCK_MEDIUM_AND_ABOVE"}
