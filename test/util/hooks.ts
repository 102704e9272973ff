/** Root hooks of the mocha run (`require` in .mocharc.json). */
import { endServersAndWorkspaces } from '../lsp/client';

export const mochaHooks = {
  afterAll(): void {
    endServersAndWorkspaces();
  },
};
