import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [react()],
    define: {
      'import.meta.env.VITE_RELEASE': JSON.stringify(env.GITHUB_SHA ?? 'dev'),
    },
    server: {
      proxy: {
        '/api': { target: 'http://localhost:8080', headers: { 'X-API-Key': env.MOLTBOTDEN_API_KEY ?? '' } },
      },
    },
  };
});
