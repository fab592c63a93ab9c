/** HTTP routes of the prompts (docs/attendant.md). */
package org.switchboard.api.prompt;
