package org.switchboard.server.wiring;

import java.util.Optional;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.pbx.ivr.AttendantService;
import org.switchboard.pbx.phonebook.PhoneBookService;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.mail.VoicemailMailer;
import org.switchboard.pbx.voicemail.mwi.MessageWaiting;

/**
 * The PBX services of one node, built by {@link FeatureWiring}; {@code mailer} is empty without
 * {@code smtp.host}. Immutable holder; the services are thread-safe.
 */
public record Features(ExtensionService extensions, AdminAuthService adminAuth, DialPlanService dialPlan,
                       CallSettingsService callSettings, CdrService cdrs, CdrRecorder cdrRecorder,
                       EventBus events, DigestRuleService digestRules, MohService moh, VoicemailService voicemail,
                       MessageWaiting messageWaiting, Optional<VoicemailMailer> mailer,
                       PromptService prompts, AttendantService attendant, PhoneBookService phoneBook) {}
