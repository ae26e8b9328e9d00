// The "Integrations sync" card's worker: HubSpot's globals first, then the unchanged extension.
import './worker-globals.ts';
import '../../../../../hubspot-app/src/app/cards/IntegrationsSyncCard.tsx';
