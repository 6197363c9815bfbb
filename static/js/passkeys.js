// Account › Two-step verification: once a new passkey is saved, show it in the list.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
