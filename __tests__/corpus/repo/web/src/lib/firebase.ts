import { initializeApp } from 'firebase/app';
import { getMessaging } from 'firebase/messaging';

const firebaseConfig = {
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
  authDomain: 'agentco-prod.firebaseapp.com',
  projectId: 'agentco-prod',
  storageBucket: 'agentco-prod.appspot.com',
  messagingSenderId: '{{digits:12}}',
  appId: '1:{{digits:12}}:web:{{hex:22}}',
  measurementId: 'G-{{upper:10}}',
};

export const app = initializeApp(firebaseConfig);
export const messaging = getMessaging(app);
export const VAPID_PUBLIC_KEY = 'B{{b64url:86}}';
