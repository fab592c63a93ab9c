/** Music-on-hold routes (classes and their WAV files) and their JSON shapes. */
package org.switchboard.api.moh;
