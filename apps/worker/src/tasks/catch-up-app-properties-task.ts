import { CATCH_UP_APP_PROPERTIES_TASK, parseJobPayload } from '@ledgersync/jobs';
import type { Task } from 'graphile-worker';
import type { AppPropertiesCatchUp } from '../app-properties/app-properties-catch-up.ts';

/** Cron: ensures the app-owned HubSpot properties of installations behind the current set. */
export function catchUpAppPropertiesTask(appProperties: AppPropertiesCatchUp): Task {
  return async (payload, helpers) => {
    parseJobPayload(CATCH_UP_APP_PROPERTIES_TASK, payload);
    const report = await appProperties.catchUp();
    if (report.ensured.length > 0 || report.failed > 0)
      helpers.logger.info(`app properties: ${JSON.stringify(report)}`);
  };
}
