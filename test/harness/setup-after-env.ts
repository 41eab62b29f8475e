import { shutdownEngine } from './index';

// n8n-core starts a 60 s interval in its SSH clients manager; stop it so jest exits by itself.
afterAll(() => shutdownEngine());
