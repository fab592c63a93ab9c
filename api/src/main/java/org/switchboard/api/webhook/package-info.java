/** Webhook subscriptions and their delivery log over HTTP ({@code /api/webhooks}). */
package org.switchboard.api.webhook;
