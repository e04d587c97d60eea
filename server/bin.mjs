#!/usr/bin/env node
// The server is TypeScript run through tsx: register it, then hand over.
import {register} from 'tsx/esm/api';

register();
await import('./src/cli.ts');
