import { storeContract } from './store-contract.ts';
import { storeTargets } from './targets.ts';

/** One contract, every target: embedded always, `MONGODB_URI` when set. */
for (const target of storeTargets()) storeContract(target);
