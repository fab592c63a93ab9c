/** Prompts by name: uploaded recordings over the shipped system prompts (docs/call-engine.md). */
package org.switchboard.pbx.prompt;
