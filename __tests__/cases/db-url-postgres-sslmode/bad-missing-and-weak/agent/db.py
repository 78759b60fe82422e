from sqlalchemy import create_engine

engine = create_engine("postgresql+psycopg://agent:PASSWORD@db:5432/agentdb")
